/**
 * The engine under fga, checked before it is trusted: a self-check of libtorch's convolutions
 * against a float64 computation of our own, the switch to a path that is right when they are
 * wrong ({@link org.fga.engine.EngineGuard}), and the engine facts a bug report or a
 * {@code metrics.json} needs ({@link org.fga.engine.EngineFacts}).
 */
package org.fga.engine;
