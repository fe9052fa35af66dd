/**
 * The built-in synthetic fine-grained data: its config, generator and dataset provider (the
 * writers of its images in real datasets' layouts are fga-bench's {@code org.fga.bench.layout}).
 */
package org.fga.datasets.synthetic;
