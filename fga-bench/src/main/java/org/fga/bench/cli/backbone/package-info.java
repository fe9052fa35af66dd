/** {@code fga bench backbone}: our backbones against the same networks through TorchScript. */
package org.fga.bench.cli.backbone;
