/**
 * File formats every module reads and writes: the one Jackson configuration for JSON and YAML
 * ({@link org.fga.core.io.Mappers}) and NumPy's {@code .npy} arrays ({@link org.fga.core.io.Npy}).
 * Nothing here knows about experiments or plugins.
 */
package org.fga.core.io;
