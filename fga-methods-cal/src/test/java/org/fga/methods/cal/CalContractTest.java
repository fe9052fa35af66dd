package org.fga.methods.cal;

import org.fga.testkit.MethodContractTest;

/** The contract every method keeps, for each method this module registers. */
class CalContractTest extends MethodContractTest {}
