using System.IO.Hashing;

namespace Strata.Load.Pii;

/// <summary>
/// Remembers the HMAC of recently tokenised values without an object per entry: each of two
/// generations is an open-addressing table of 16-byte slots (hash, where the entry is) over one
/// byte slab holding each entry's key followed by its 32-byte MAC, so a hit reads one slot and one
/// stretch of the slab — two cache misses at most, since the table is far larger than the CPU's
/// caches. Lookups copy nothing but the MAC. When the young generation is full (entries or slab),
/// the old one is emptied and becomes the young one, so values in use survive (an LRU
/// approximation) and memory stays at two fixed-size tables: about 95 bytes per entry, keys included.
/// An empty old generation is not probed (a file with fewer distinct values than half the
/// entries never fills the young one). Values longer than <see cref="MaxKeyBytes"/> are not cached.
/// </summary>
internal sealed class TokenCache
{
    public const int MaxKeyBytes = 128;
    private Generation _young;
    private Generation _old;

    /// <param name="entries">Values remembered across both generations.</param>
    public TokenCache(int entries)
    {
        _young = new Generation(Math.Max(1, entries / 2));
        _old = new Generation(Math.Max(1, entries / 2));
    }

    public static ulong Hash(ReadOnlySpan<byte> key) => XxHash3.HashToUInt64(key) | 1; // 0 marks an empty slot

    /// <summary>
    /// Reads the table slot a lookup of <paramref name="hash"/> will need. Called for a batch of
    /// keys before looking them up, then <see cref="TouchEntry"/> for the same batch, so their cache
    /// misses overlap instead of queuing one after another (a prefetch without unsafe code). The
    /// result only keeps the reads from being optimised away.
    /// </summary>
    public int TouchSlot(ulong hash) => _old.IsEmpty ? _young.TouchSlot(hash) : _young.TouchSlot(hash) ^ _old.TouchSlot(hash);

    /// <summary>Reads the slab entry a lookup of <paramref name="hash"/> will compare (after <see cref="TouchSlot"/>).</summary>
    public int TouchEntry(ulong hash) => _old.IsEmpty ? _young.TouchEntry(hash) : _young.TouchEntry(hash) ^ _old.TouchEntry(hash);

    public bool TryGet(ReadOnlySpan<byte> key, ulong hash, Span<byte> mac)
    {
        if (_young.TryGet(key, hash, mac))
        {
            return true;
        }

        if (!_old.IsEmpty && _old.TryGet(key, hash, mac))
        {
            Add(key, hash, mac); // keep it young
            return true;
        }

        return false;
    }

    public void Add(ReadOnlySpan<byte> key, ulong hash, ReadOnlySpan<byte> mac)
    {
        if (key.Length > MaxKeyBytes)
        {
            return;
        }

        if (!_young.HasRoom(key.Length))
        {
            (_young, _old) = (_old, _young);
            _young.Clear();
        }

        _young.Add(key, hash, mac);
    }

    /// <summary>One table slot, 16 bytes: four share a cache line. The entry (key, then MAC) is in the slab.</summary>
    private struct Slot
    {
        public ulong Hash;
        public int EntryOffset;
        public int KeyLength;
    }

    private sealed class Generation
    {
        private const int MacBytes = 32;
        private readonly int _capacity;
        private readonly ulong _slotCount;
        private readonly Slot[] _slots;
        private readonly byte[] _slab;
        private int _slabUsed;
        private int _count;

        public Generation(int capacity)
        {
            _capacity = capacity;

            // 75% full at most: probes stay short, and the table is a third smaller than at 50%.
            _slotCount = (ulong)capacity * 4 / 3 + 1;
            _slots = new Slot[_slotCount];

            // Room for keys of 40 bytes on average (e-mail addresses, names) and their MACs.
            _slab = new byte[capacity * (40 + MacBytes)];
        }

        public bool IsEmpty => _count == 0;

        public bool HasRoom(int keyLength) => _count < _capacity && _slabUsed + keyLength + MacBytes <= _slab.Length;

        public int TouchSlot(ulong hash) => (int)_slots[Home(hash)].Hash;

        public int TouchEntry(ulong hash)
        {
            ref var slot = ref _slots[Home(hash)];
            return slot.Hash == hash ? _slab[slot.EntryOffset] : 0;
        }

        public bool TryGet(ReadOnlySpan<byte> key, ulong hash, Span<byte> mac)
        {
            for (var i = Home(hash); ; i = Next(i))
            {
                ref var slot = ref _slots[i];
                if (slot.Hash == 0)
                {
                    return false;
                }

                if (slot.Hash == hash && slot.KeyLength == key.Length)
                {
                    var entry = _slab.AsSpan(slot.EntryOffset, key.Length + MacBytes);
                    if (entry[..key.Length].SequenceEqual(key))
                    {
                        entry[key.Length..].CopyTo(mac);
                        return true;
                    }
                }
            }
        }

        public void Add(ReadOnlySpan<byte> key, ulong hash, ReadOnlySpan<byte> mac)
        {
            var i = Home(hash);
            while (_slots[i].Hash != 0)
            {
                i = Next(i);
            }

            key.CopyTo(_slab.AsSpan(_slabUsed));
            mac[..MacBytes].CopyTo(_slab.AsSpan(_slabUsed + key.Length));
            ref var slot = ref _slots[i];
            slot.Hash = hash;
            slot.EntryOffset = _slabUsed;
            slot.KeyLength = key.Length;
            _slabUsed += key.Length + MacBytes;
            _count++;
        }

        /// <summary>The first slot for a hash: the high bits scaled to the table (no power-of-two size needed).</summary>
        private int Home(ulong hash) => (int)Math.BigMul(hash, _slotCount, out _);

        private int Next(int slot) => slot + 1 == _slots.Length ? 0 : slot + 1;

        public void Clear()
        {
            Array.Clear(_slots);
            _slabUsed = 0;
            _count = 0;
        }
    }
}
