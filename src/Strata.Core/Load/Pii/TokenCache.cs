using System.IO.Hashing;
using System.Runtime.CompilerServices;

namespace Strata.Load.Pii;

/// <summary>
/// Remembers the HMAC of recently tokenised values without an object per entry: each of two
/// generations is an open-addressing table (hash, key slice, 32-byte MAC) over one byte slab of
/// keys. Lookups copy nothing but the MAC. When the young generation is full (entries or slab),
/// the old one is emptied and becomes the young one, so values in use survive (an LRU
/// approximation) and memory stays at two fixed-size tables: about 105 bytes per entry, keys included.
/// Values longer than <see cref="MaxKeyBytes"/> are not cached.
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
    /// Reads the memory a lookup of <paramref name="hash"/> will need. Called for a batch of keys
    /// before looking them up, so their cache misses overlap instead of queuing one after another
    /// (a prefetch without unsafe code). The result only keeps the reads from being optimised away.
    /// </summary>
    public int Touch(ulong hash) => _young.Touch(hash) ^ _old.Touch(hash);

    public bool TryGet(ReadOnlySpan<byte> key, ulong hash, Span<byte> mac)
    {
        if (_young.TryGet(key, hash, mac))
        {
            return true;
        }

        if (_old.TryGet(key, hash, mac))
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

    /// <summary>One table entry, 48 bytes: a lookup touches this slot and the key's bytes, nothing else.</summary>
    private struct Slot
    {
        public ulong Hash;
        public int KeyOffset;
        public int KeyLength;
        public Mac Mac;
    }

    [InlineArray(32)]
    private struct Mac
    {
        private byte _first;
    }

    private sealed class Generation
    {
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
            _slab = new byte[capacity * 40];
        }

        public bool HasRoom(int keyLength) => _count < _capacity && _slabUsed + keyLength <= _slab.Length;

        public int Touch(ulong hash)
        {
            ref var slot = ref _slots[Home(hash)];
            return slot.Hash == hash ? _slab[slot.KeyOffset] : (int)slot.Hash;
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

                if (slot.Hash == hash && slot.KeyLength == key.Length && _slab.AsSpan(slot.KeyOffset, slot.KeyLength).SequenceEqual(key))
                {
                    ((ReadOnlySpan<byte>)slot.Mac).CopyTo(mac);
                    return true;
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
            ref var slot = ref _slots[i];
            slot.Hash = hash;
            slot.KeyOffset = _slabUsed;
            slot.KeyLength = key.Length;
            mac.CopyTo(slot.Mac);
            _slabUsed += key.Length;
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
