/** The {@code fusemath bench} harness: times each registered benchmark case beside its baseline in one JVM. */
package org.fusemath.validation.bench;
