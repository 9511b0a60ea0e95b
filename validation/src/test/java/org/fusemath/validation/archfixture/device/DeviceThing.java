package org.fusemath.validation.archfixture.device;

/** Test fixture: a class in a device package. */
public class DeviceThing {
}
