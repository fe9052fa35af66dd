/** CAL: counterfactual attention learning (ICCV 2021), on WS-DAN. */
package org.fga.methods.cal;
