/** {@code fga predict}: classify images with a backbone and its torchvision classifier head. */
package org.fga.bench.cli.predict;
