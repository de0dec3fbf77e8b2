/** The database: pool, migrations, transactions, and the H2/PostgreSQL dialect seam. */
package dev.hookdesk.store;
