// Reference benchmark: the same GENEVE work done with gopacket 1.1.19 (Debian
// golang-github-google-gopacket-dev), run by bench/geneve.ts in the same run.
//
// Build (offline): GO111MODULE=off GOPATH=/usr/share/gocode go build -o OUT bench/go/geneve/main.go
// Usage: OUT INPUTS.json CAPTURE.pcap, then lines "WORKLOAD N" on stdin, each answered with
// "ELAPSED_NS CHECK" on stdout, so the TS side can interleave Go and TS trials closely in time.
//
// gopacket's Geneve layer has no CanDecode (so it cannot sit in a DecodingLayerParser) and no
// encoder; the two small wrappers below supply them. They belong to this benchmark only.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

type inputs struct {
	Header0   string `json:"header0"`
	Header1   string `json:"header1"`
	Header8   string `json:"header8"`
	FullFrame string `json:"fullFrame"` // GENEVE header + inner Ethernet/IPv4/ICMP
	Inner     string `json:"inner"`     // inner frame to encapsulate
	VNI       uint32 `json:"vni"`
	OptData   string `json:"optData"` // OVN option data (4 bytes)
}

// geneveDL makes layers.Geneve usable in a DecodingLayerParser.
type geneveDL struct{ layers.Geneve }

func (g *geneveDL) CanDecode() gopacket.LayerClass { return layers.LayerTypeGeneve }
func (g *geneveDL) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	g.Options = g.Options[:0] // gopacket appends to the previous packet's options otherwise
	return g.Geneve.DecodeFromBytes(data, df)
}

// geneveSer serializes a GENEVE header (gopacket 1.1.19 has no Geneve encoder).
type geneveSer struct {
	vni     uint32
	proto   uint16
	optData []byte
}

func (g *geneveSer) LayerType() gopacket.LayerType { return layers.LayerTypeGeneve }
func (g *geneveSer) SerializeTo(b gopacket.SerializeBuffer, o gopacket.SerializeOptions) error {
	optLen := 4 + len(g.optData)
	h, err := b.PrependBytes(8 + optLen)
	if err != nil {
		return err
	}
	h[0] = byte(optLen / 4)
	h[1] = 0x40 // C: OVN's option is critical
	binary.BigEndian.PutUint16(h[2:], g.proto)
	h[4], h[5], h[6], h[7] = byte(g.vni>>16), byte(g.vni>>8), byte(g.vni), 0
	binary.BigEndian.PutUint16(h[8:], 0x0102)
	h[10] = 0x80
	h[11] = byte(len(g.optData) / 4)
	copy(h[12:], g.optData)
	return nil
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func unhex(s string) []byte {
	b, err := hex.DecodeString(s)
	must(err)
	return b
}

func main() {
	raw, err := os.ReadFile(os.Args[1])
	must(err)
	var in inputs
	must(json.Unmarshal(raw, &in))
	capPath := os.Args[2]

	// Each workload runs n operations and returns a check value (so nothing is optimized away).
	work := map[string]func(n int) uint64{}

	for _, c := range []struct{ name, hex string }{{"h0", in.Header0}, {"h1", in.Header1}, {"h8", in.Header8}} {
		data := unhex(c.hex)
		g := &geneveDL{}
		work[c.name] = func(n int) uint64 {
			var s uint64
			for i := 0; i < n; i++ {
				if err := g.DecodeFromBytes(data, gopacket.NilDecodeFeedback); err != nil {
					panic(err)
				}
				s += uint64(g.VNI) + uint64(len(g.Options))
			}
			return s
		}
	}

	{
		data := unhex(in.FullFrame)
		var g geneveDL
		var eth layers.Ethernet
		var ip4 layers.IPv4
		var icmp layers.ICMPv4
		var pl gopacket.Payload
		p := gopacket.NewDecodingLayerParser(layers.LayerTypeGeneve, &g, &eth, &ip4, &icmp, &pl)
		decoded := make([]gopacket.LayerType, 0, 8)
		work["full"] = func(n int) uint64 {
			var s uint64
			for i := 0; i < n; i++ {
				if err := p.DecodeLayers(data, &decoded); err != nil {
					panic(err)
				}
				s += uint64(g.VNI) + uint64(icmp.TypeCode) + uint64(len(decoded))
			}
			return s
		}
	}

	{
		inner := gopacket.Payload(unhex(in.Inner))
		eth := &layers.Ethernet{SrcMAC: []byte{2, 0, 0, 0, 0, 1}, DstMAC: []byte{2, 0, 0, 0, 0, 2}, EthernetType: layers.EthernetTypeIPv4}
		ip4 := &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Flags: layers.IPv4DontFragment, Protocol: layers.IPProtocolUDP, SrcIP: []byte{192, 168, 0, 1}, DstIP: []byte{192, 168, 0, 2}}
		udp := &layers.UDP{SrcPort: 51000, DstPort: 6081}
		must(udp.SetNetworkLayerForChecksum(ip4))
		gs := &geneveSer{vni: in.VNI, proto: 0x6558, optData: unhex(in.OptData)}
		buf := gopacket.NewSerializeBuffer()
		opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
		work["encap"] = func(n int) uint64 {
			var s uint64
			for i := 0; i < n; i++ {
				if err := gopacket.SerializeLayers(buf, opts, eth, ip4, udp, gs, inner); err != nil {
					panic(err)
				}
				s += uint64(len(buf.Bytes()))
			}
			return s
		}
		work["encap"](1)
		// one frame, so the TS side can check it builds the same bytes
		fmt.Fprintf(os.Stderr, "gopacket-frame %s\n", hex.EncodeToString(buf.Bytes()))
	}

	// n is ignored: one pass over the whole capture; the check value is the frame count.
	work["pcap"] = func(int) uint64 {
		var frames uint64
		f, err := os.Open(capPath)
		must(err)
		r, err := pcapgo.NewReader(bufio.NewReaderSize(f, 1<<16))
		must(err)
		for {
			_, _, err := r.ZeroCopyReadPacketData()
			if err == io.EOF {
				break
			}
			must(err)
			frames++
		}
		f.Close()
		return frames
	}

	// Protocol: each stdin line "NAME N" runs workload NAME N times and answers "ELAPSED_NS CHECK".
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var name string
		var n int
		if _, err := fmt.Sscanf(sc.Text(), "%s %d", &name, &n); err != nil {
			must(err)
		}
		fn, ok := work[name]
		if !ok {
			must(fmt.Errorf("unknown workload %q", name))
		}
		t := time.Now()
		check := fn(n)
		fmt.Printf("%d %d\n", time.Since(t).Nanoseconds(), check)
	}
}
