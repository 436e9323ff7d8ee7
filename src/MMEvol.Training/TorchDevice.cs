using static TorchSharp.torch;

namespace MMEvol.Training;

/// <summary>
/// Where tensors live: CUDA when TorchSharp's CUDA backend is present and sees a GPU (a build with
/// -p:TorchBackend=cuda), else the CPU with one thread per core.
/// </summary>
public static class TorchDevice
{
    private static readonly Lazy<Device> Selected = new(() =>
    {
        if (cuda.is_available())
            return CUDA;
        set_num_threads(Environment.ProcessorCount);
        return CPU;
    });

    public static Device Current => Selected.Value;

    public static string Describe() => Current.type == TorchSharp.DeviceType.CUDA
        ? $"CUDA ({cuda.device_count()} device(s))"
        : $"CPU, {get_num_threads()} thread(s)";
}
