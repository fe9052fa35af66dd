package org.fga.backbones.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fga.backbones.nn.TorchNames;
import org.fga.core.io.DType;
import org.fga.core.io.NdArray;

/** Writes a block's parameters to {@code .safetensors} under their PyTorch names. */
public final class WeightExporter {
  private WeightExporter() {}

  /** The block's parameters as tensors (copied out of the engine), by PyTorch name. */
  public static Map<String, NdArray> tensors(Block block) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : TorchNames.of(block).entrySet()) {
      out.put(e.getKey(), tensor(e.getValue().getArray()));
    }
    return out;
  }

  /** Exports {@code block}'s parameters to {@code file}. */
  public static void save(Block block, Path file) throws IOException {
    Safetensors.write(file, tensors(block));
  }

  /** Copies one array out as a tensor (float32, float64, float16 or int64). */
  public static NdArray tensor(NDArray array) {
    DType dtype = switch (array.getDataType()) {
      case FLOAT32 -> DType.F32;
      case FLOAT64 -> DType.F64;
      case FLOAT16 -> DType.F16;
      case INT64 -> DType.I64;
      case INT32 -> DType.I32;
      default -> throw new IllegalArgumentException("cannot export " + array.getDataType());
    };
    ByteBuffer src = array.toByteBuffer();
    ByteBuffer copy = ByteBuffer.allocate(src.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    if (src.order() == ByteOrder.LITTLE_ENDIAN) {
      copy.put(src);
    } else {
      copy.put(reorder(src, dtype.bytes()));
    }
    copy.flip();
    int[] shape = java.util.Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
    return NdArray.of(array.getName() == null ? "array" : array.getName(), dtype, shape, copy);
  }

  private static ByteBuffer reorder(ByteBuffer src, int width) {
    ByteBuffer out = ByteBuffer.allocate(src.remaining());
    for (int i = src.position(); i < src.limit(); i += width) {
      for (int k = width - 1; k >= 0; k--) {
        out.put(src.get(i + k));
      }
    }
    return out.flip();
  }

}
