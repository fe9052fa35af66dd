/** Weakly supervised localisation: MaxBoxAcc (V1, V2), GT-known and top-1 Loc, PxAP. */
package org.fga.eval.wsol;
