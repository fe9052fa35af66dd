/** torchvision's ResNet-18/34/50/101 (v1.5) as DJL blocks, and their registry providers. */
package org.fga.backbones.resnet;
