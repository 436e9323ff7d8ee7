using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Storage;

/// <summary>Where a record's image file is: its content-addressed copy if it has one, else under the dataset's root.</summary>
public static class ImageLocator
{
    public static string? Resolve(DataDirectory data, Dataset dataset, ImageRecord record) =>
        record.StoredPath is not null ? Path.Combine(data.Images, record.StoredPath)
        : record.ImagePath is not null && dataset.ImageRoot is not null ? ImageInspector.ResolveInside(dataset.ImageRoot, record.ImagePath)
        : null;
}
