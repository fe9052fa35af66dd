/**
 * Self-supervised methods: BYOL and MoCo v2, and LCR (Shu, van den Hengel, Liu, "Learning Common
 * Rationale to Improve Self-Supervised Representation for Fine-Grained Visual Recognition
 * Problems", CVPR 2023; reference code GANPerf/LCR) on each. See the module README for the
 * reference file:line table and the differences.
 */
package org.fga.methods.ssl;
