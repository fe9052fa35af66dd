/** torchvision's VGG-16 and VGG-16-BN as DJL blocks, and their registry providers. */
package org.fga.backbones.vgg;
