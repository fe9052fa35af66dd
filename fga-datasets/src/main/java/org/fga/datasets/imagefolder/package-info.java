/**
 * ImageNet-style class folders, with optional per-image VOC-format box XML (ImageNet validation
 * boxes) and ImageNet's flat validation folder labelled by the devkit or a label list.
 */
package org.fga.datasets.imagefolder;
