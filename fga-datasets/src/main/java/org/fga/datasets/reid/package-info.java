/** Person and vehicle re-identification sets: Market-1501, DukeMTMC-reID, MSMT17, VeRi-776. */
package org.fga.datasets.reid;
