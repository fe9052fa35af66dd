/**
 * Evaluation: {@link org.fga.core.evaluate.Evaluator} runs a trained method over a split ({@code
 * OutputCollector}), takes its attention maps at image size ({@code AttentionMaps}, {@link
 * org.fga.core.evaluate.MapResize}), scores them with metric plugins and draws overlays of the
 * collected samples ({@code OverlayWriter}, {@link org.fga.core.evaluate.Overlay}).
 */
package org.fga.core.evaluate;
