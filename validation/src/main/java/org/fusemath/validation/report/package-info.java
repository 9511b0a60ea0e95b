/**
 * The {@code fusemath validate --html} report: one self-contained HTML page with the summary, the cases grouped
 * per operation in sortable tables, and plots drawn with XChart and embedded as PNG images.
 */
package org.fusemath.validation.report;
