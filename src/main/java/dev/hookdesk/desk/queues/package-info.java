/** Queues: where tickets wait to be picked up (by channel, product or language). */
package dev.hookdesk.desk.queues;
