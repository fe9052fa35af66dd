/** ResNet and VGG backbones with torchvision-compatible parameter names, and weight import. */
package org.fga.backbones;
