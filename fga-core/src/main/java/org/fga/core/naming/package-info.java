/**
 * How a plugin and its config record are named: {@link org.fga.core.naming.Named} for providers,
 * the config record's {@code @JsonTypeName} ({@link org.fga.core.naming.ConfigTypes}) and the
 * record class read from a provider's type argument ({@link org.fga.core.naming.PluginTypes}).
 * Below both the plugin contracts (method, metric, backbone, dataset, step) and the bootstrap
 * that collects them ({@code org.fga.core.plugin}), so neither imports the other in a cycle.
 */
package org.fga.core.naming;
