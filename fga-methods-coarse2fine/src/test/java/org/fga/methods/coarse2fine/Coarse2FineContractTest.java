package org.fga.methods.coarse2fine;

import org.fga.testkit.MethodContractTest;

/** The contract every method keeps, for each method this module registers. */
class Coarse2FineContractTest extends MethodContractTest {}
