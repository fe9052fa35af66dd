/** GAIN and GAINext: guided attention inference networks (CVPR 2018). */
package org.fga.methods.gain;
