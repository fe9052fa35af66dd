/** DJL building blocks whose parameters carry PyTorch names, and the walker that reads them. */
package org.fga.backbones.nn;
