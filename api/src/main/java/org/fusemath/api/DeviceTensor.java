package org.fusemath.api;

import java.util.Arrays;

/**
 * A dense N-dimensional array in device memory with NumPy's meaning of shape and order ({@link HostTensor}'s device
 * twin): a view of a {@link DeviceBuffer} from an element offset, in C order or Fortran order.
 *
 * <p>Immutable reference to a caller-owned buffer; the elements are not copied and the view does not own the buffer
 * (closing the buffer invalidates every view of it). Operations given device tensors run on the device the buffer
 * lives on, and their results stay there.
 */
public final class DeviceTensor {
    private final DeviceBuffer buffer;
    private final long[] shape;
    private final boolean fortranOrder;
    private final long offset;

    private DeviceTensor(DeviceBuffer buffer, long[] shape, boolean fortranOrder, long offset) {
        this.buffer = buffer;
        this.shape = shape;
        this.fortranOrder = fortranOrder;
        this.offset = offset;
    }

    /**
     * A tensor with {@code shape} over {@code buffer}'s elements from element {@code offset}, in C order or, when
     * {@code fortranOrder}, column-major (first index fastest); its dtype is the buffer's. The buffer must hold
     * {@code offset} plus the shape's element count.
     */
    public static DeviceTensor of(DeviceBuffer buffer, long[] shape, boolean fortranOrder, long offset) {
        Arguments.requireNonNull(buffer, "buffer");
        Arguments.requireNonNull(shape, "shape");
        Arguments.requireNonNull(buffer.dtype(), "buffer.dtype()");
        Arguments.requireNonNegative("offset", offset);
        long count = count(shape);
        long needed = Arguments.add("offset + element count", offset, count);
        if (needed > buffer.elementCount()) {
            throw new InvalidArgumentException("buffer", "a buffer of " + buffer.elementCount() + " " + buffer.dtype()
                    + " elements", "at least " + needed + " elements for shape " + Arrays.toString(shape)
                    + " from offset " + offset);
        }
        return new DeviceTensor(buffer, shape.clone(), fortranOrder, offset);
    }

    /** A tensor over the buffer from element 0. */
    public static DeviceTensor of(DeviceBuffer buffer, long[] shape, boolean fortranOrder) {
        return of(buffer, shape, fortranOrder, 0);
    }

    /** A C-order tensor over the buffer from element 0. */
    public static DeviceTensor of(DeviceBuffer buffer, long... shape) {
        return of(buffer, shape, false, 0);
    }

    /**
     * {@link #of(DeviceBuffer, long[], boolean, long)} that also checks the buffer holds {@code dtype} (as
     * {@link HostTensor#of(DType, long[], boolean, Object)} checks its array).
     */
    public static DeviceTensor of(DType dtype, long[] shape, boolean fortranOrder, DeviceBuffer buffer) {
        Arguments.requireNonNull(dtype, "dtype");
        Arguments.requireNonNull(buffer, "buffer");
        if (buffer.dtype() != dtype) {
            throw new InvalidArgumentException("buffer", "a " + buffer.dtype() + " buffer", "a " + dtype + " buffer");
        }
        return of(buffer, shape, fortranOrder, 0);
    }

    private static long count(long[] shape) {
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Arguments.requireNonNegative("shape[" + i + "]", shape[i]);
            count = Arguments.multiply("element count", count, shape[i]);
        }
        return count;
    }

    /** The buffer viewed. */
    public DeviceBuffer buffer() {
        return buffer;
    }

    /** The device ordinal the elements live on. */
    public int deviceId() {
        return buffer.deviceId();
    }

    /** The element type. */
    public DType dtype() {
        return buffer.dtype();
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Extent of dimension {@code axis}, 0 ≤ axis &lt; {@link #rank()}. */
    public long dim(int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw new InvalidArgumentException("axis", axis, "an axis in [0, " + shape.length + ") for a tensor of rank "
                    + shape.length);
        }
        return shape[axis];
    }

    /** Whether elements are stored first-index-fastest (NumPy's {@code fortran_order}). */
    public boolean isFortranOrder() {
        return fortranOrder;
    }

    /** The element offset of the first element in the buffer. */
    public long offset() {
        return offset;
    }

    /** Number of elements (product of the shape; 1 for a scalar). */
    public long elementCount() {
        long c = 1;
        for (long d : shape) {
            c *= d;
        }
        return c;
    }

    /** Size of the elements in bytes. */
    public long byteSize() {
        return elementCount() * dtype().elementBytes();
    }

    /** The device address of the first element (the buffer's address plus the offset in bytes). */
    public long address() {
        return buffer.address() + offset * dtype().elementBytes();
    }

    /** The same elements with another shape of the same element count, in the same order (NumPy's reshape of a contiguous array). */
    public DeviceTensor reshape(long... newShape) {
        Arguments.requireNonNull(newShape, "shape");
        long count = count(newShape);
        if (count != elementCount()) {
            throw new ShapeMismatchException("shape", Arrays.toString(newShape), "a shape of " + elementCount()
                    + " elements, as " + Arrays.toString(shape));
        }
        return new DeviceTensor(buffer, newShape.clone(), fortranOrder, offset);
    }

    /** Throws unless {@code other} lives on the same device as this tensor, naming {@code name}. */
    public void requireSameDevice(String name, DeviceTensor other) {
        Arguments.requireNonNull(other, name);
        if (other.deviceId() != deviceId()) {
            throw new InvalidArgumentException(name, "a tensor on device " + other.deviceId(),
                    "a tensor on device " + deviceId() + ", where the other operands live");
        }
    }

    /** The header, e.g. {@code DeviceTensor[F64 [2, 3] C device 0 offset 0]} (the elements stay on the device). */
    @Override
    public String toString() {
        return "DeviceTensor[" + dtype() + " " + Arrays.toString(shape) + (fortranOrder ? " F" : " C") + " device "
                + deviceId() + (offset == 0 ? "" : " offset " + offset) + "]";
    }
}
