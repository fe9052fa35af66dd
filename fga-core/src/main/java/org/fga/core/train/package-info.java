/** The training loop: batches, steps, schedules, checkpoints, progress and logs. */
package org.fga.core.train;
