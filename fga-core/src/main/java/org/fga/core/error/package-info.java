/** Errors a user can fix (bad input), reported as one line with exit code 2. */
package org.fga.core.error;
