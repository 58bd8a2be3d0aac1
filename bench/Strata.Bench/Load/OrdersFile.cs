using System.Globalization;
using System.Text;

namespace Strata.Bench.Load;

/// <summary>
/// A deterministic (seeded) orders CSV: 8 mixed columns — order_id and customer_id (int64),
/// amount (2-decimal money), score (a full-precision double), entered_at (ISO 8601 UTC with
/// milliseconds, spread over 30 days), email (one per customer, mixed case: tokenised with
/// trim-lower), status (5 values), is_member (bool). 100,000 customers, so e-mails repeat the
/// way they do in real order data.
/// </summary>
internal static class OrdersFile
{
    public const int Customers = 100_000;
    private static readonly string[] s_statuses = ["new", "paid", "shipped", "cancelled", "refunded"];

    /// <summary>The file for <paramref name="rows"/> rows in <paramref name="folder"/>, generated once.</summary>
    public static string Ensure(string folder, long rows)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"orders-{rows}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var temp = path + ".tmp";
        var random = new Random(20261120);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.NewLine = "\n";
            writer.WriteLine("order_id,customer_id,amount,score,entered_at,email,status,is_member");
            var line = new StringBuilder(160);
            for (long i = 0; i < rows; i++)
            {
                var customer = random.Next(1, Customers + 1);
                var at = start.AddMilliseconds(random.NextInt64(30L * 86_400_000));
                line.Clear()
                    .Append(10_000_000 + i).Append(',')
                    .Append(customer).Append(',')
                    .Append((random.Next(0, 5_000_00) / 100m).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                    .Append((random.NextDouble() * 100).ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
                    .Append(customer % 7 == 0 ? "User" : "user").Append(customer).Append("@Example.com").Append(',')
                    .Append(s_statuses[random.Next(s_statuses.Length)]).Append(',')
                    .Append(random.Next(2) == 0 ? "true" : "false");
                writer.WriteLine(line);
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }
}
