/**
 * How {@code ./fga} finds plugins beyond its own jar: every {@code fga-methods-*} module of the
 * source tree it was built from, and the jars and folders of {@code FGA_PLUGIN_PATH}.
 */
package org.fga.bench.host;
