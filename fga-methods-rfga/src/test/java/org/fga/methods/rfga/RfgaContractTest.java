package org.fga.methods.rfga;

import org.fga.testkit.MethodContractTest;

/** The contract every method keeps, for each method this module registers. */
class RfgaContractTest extends MethodContractTest {}
