/** The metrics as plugins: each scores what the evaluator collected ({@code EvalOutputs}). */
package org.fga.eval.plugin;
