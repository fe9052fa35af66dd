/** Image retrieval, leave-one-out: Recall@K and mAP over the ranked list of the other samples. */
package org.fga.eval.retrieval;
