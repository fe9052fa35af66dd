/** The benchmark plugin kind: {@code fga bench <name>} for benchmarks that modules register. */
package org.fga.core.bench;
