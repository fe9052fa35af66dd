package org.fga.core.backbone;

/**
 * One stage output of a backbone.
 *
 * @param name the stage's name, as in torchvision ({@code layer1} ... {@code layer4})
 * @param channels channels of the feature map
 * @param stride input pixels per feature-map pixel
 */
public record FeatureTap(String name, int channels, int stride) {}
