package org.fga.methods.ssl;

import org.fga.testkit.MethodContractTest;

/** The contract every method keeps, for each method this module registers. */
class SslContractTest extends MethodContractTest {}
