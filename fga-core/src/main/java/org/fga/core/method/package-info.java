/** The method contract: what the trainer and the evaluator need from a method, nothing more. */
package org.fga.core.method;
