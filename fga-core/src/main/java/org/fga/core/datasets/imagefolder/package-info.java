/**
 * ImageNet-style class folders, with optional per-image VOC-format box XML (ImageNet validation
 * boxes).
 */
package org.fga.core.datasets.imagefolder;
