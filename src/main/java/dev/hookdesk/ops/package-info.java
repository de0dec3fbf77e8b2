/** Operations: health check and Prometheus metrics. */
package dev.hookdesk.ops;
