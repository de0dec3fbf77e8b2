/** Settings (SPEC §1): one typed, validated configuration read from env vars and flags. */
package dev.hookdesk.config;
