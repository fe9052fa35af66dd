/** Plugin discovery: ServiceLoader finds {@link org.fga.core.plugin.FgaModule}s, Guice wires them. */
package org.fga.core.plugin;
