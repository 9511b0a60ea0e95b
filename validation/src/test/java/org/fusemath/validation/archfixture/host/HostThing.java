package org.fusemath.validation.archfixture.host;

/** Test fixture: a class in a host package. */
public class HostThing {
}
