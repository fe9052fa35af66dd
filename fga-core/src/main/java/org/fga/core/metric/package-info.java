/** The metric contract: metrics score what the evaluator collected from a trained method. */
package org.fga.core.metric;
