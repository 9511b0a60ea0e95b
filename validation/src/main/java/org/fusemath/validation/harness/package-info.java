/**
 * The validation harness behind {@code fusemath validate}: selects registered cases, runs each beside
 * its reference with a timer, and reports PASS, FAIL or SKIP with the measured error and its bound.
 */
package org.fusemath.validation.harness;
