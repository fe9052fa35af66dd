/** torchvision's evaluation preprocessing (PIL resize, centre crop, normalisation), bit for bit. */
package org.fga.backbones.preprocess;
