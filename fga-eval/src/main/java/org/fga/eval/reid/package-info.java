/** Person re-identification: CMC, mAP and mINP under the Market-1501 protocol. */
package org.fga.eval.reid;
