/**
 * The shared test kit of method modules: {@link org.fga.testkit.StandInBackbones} (one-conv and
 * identity backbones that reference fixtures start from), {@link org.fga.testkit.TinyData} (random
 * batches, dataset descriptions, step contexts), {@link org.fga.testkit.ReferenceTensors} (fixtures
 * written by the Python generators) and {@link org.fga.testkit.MethodContractTest}, which a method
 * module extends in one line to check every method it registers.
 */
package org.fga.testkit;
