package org.fga.methods.gain;

import org.fga.testkit.MethodContractTest;

/** The contract every method keeps, for each method this module registers. */
class GainContractTest extends MethodContractTest {}
