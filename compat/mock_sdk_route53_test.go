package compat

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/route53"
	"github.com/specgen/specgen/gen/route53/route53mock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// Route 53 speaks restXml: HTTP bindings with XML bodies whose root
// element and namespace the model names. The importer infers its hosted
// zones, health checks and query logging configurations as resources, so
// the mock keeps a zone from its create to its delete.

func TestSDKAgainstRoute53Mock(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.com."), CallerReference: aws.String("ref-1"),
		HostedZoneConfig: &r53types.HostedZoneConfig{Comment: aws.String("test")}})
	if err != nil {
		t.Fatal(err)
	}
	zone := out.HostedZone
	if aws.ToString(zone.Id) == "" || aws.ToString(zone.Name) != "example.com." || aws.ToString(zone.CallerReference) != "ref-1" {
		t.Fatalf("created zone id %q name %q callerReference %q", aws.ToString(zone.Id), aws.ToString(zone.Name), aws.ToString(zone.CallerReference))
	}

	t.Run("a read answers the zone the create made", func(t *testing.T) {
		got, err := c.GetHostedZone(ctx, &sdkroute53.GetHostedZoneInput{Id: zone.Id})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]string{aws.ToString(zone.Id), "example.com.", "ref-1"},
			[]string{aws.ToString(got.HostedZone.Id), aws.ToString(got.HostedZone.Name), aws.ToString(got.HostedZone.CallerReference)}); d != "" {
			t.Errorf("id, name, callerReference (-want +got):\n%s", d)
		}
	})
	t.Run("a list holds it", func(t *testing.T) {
		got, err := c.ListHostedZones(ctx, &sdkroute53.ListHostedZonesInput{})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, z := range got.HostedZones {
			names = append(names, aws.ToString(z.Name))
		}
		if d := cmp.Diff([]string{"example.com."}, names); d != "" {
			t.Errorf("zones (-want +got):\n%s", d)
		}
	})
	t.Run("a create without a caller reference is the SDK's InvalidInput", func(t *testing.T) {
		_, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.org.")}, func(o *sdkroute53.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		wantTyped[*r53types.InvalidInput](t, err, "CallerReference: is required")
	})
	t.Run("a name longer than 1024 characters is InvalidInput too", func(t *testing.T) {
		_, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String(strings.Repeat("a", 1025)), CallerReference: aws.String("ref-2")}, func(o *sdkroute53.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		wantTyped[*r53types.InvalidInput](t, err, "Name: length")
	})
	t.Run("a deleted zone is gone from the list", func(t *testing.T) {
		if _, err := c.DeleteHostedZone(ctx, &sdkroute53.DeleteHostedZoneInput{Id: zone.Id}); err != nil {
			t.Fatal(err)
		}
		got, err := c.ListHostedZones(ctx, &sdkroute53.ListHostedZonesInput{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.HostedZones) != 0 {
			t.Errorf("after the delete: %d zones", len(got.HostedZones))
		}
		_, err = c.GetHostedZone(ctx, &sdkroute53.GetHostedZoneInput{Id: zone.Id})
		wantTyped[*r53types.NoSuchHostedZone](t, err, strings.TrimPrefix(aws.ToString(zone.Id), "/hostedzone/"))
	})
}

func TestGeneratedRoute53ClientAgainstMock(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := route53.New(route53.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("example.com."), CallerReference: aws.String("ref-1")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetHostedZone(ctx, &route53.GetHostedZoneInput{ID: out.HostedZone.ID})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff("example.com.", aws.ToString(got.HostedZone.Name)); d != "" {
		t.Errorf("read zone name (-want +got):\n%s", d)
	}
	list, err := c.ListHostedZones(ctx, &route53.ListHostedZonesInput{})
	if err != nil || len(list.HostedZones) != 1 {
		t.Errorf("ListHostedZones: %v, %d zones, want 1", err, len(list.HostedZones))
	}
	_, err = c.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("example.org.")}, func(o *route53.Options) { o.DisableValidation = true })
	var ii *route53.InvalidInput
	if !errors.As(err, &ii) {
		t.Errorf("CreateHostedZone without a caller reference: %v (%T), want *route53.InvalidInput", err, err)
	}
}

func TestRoute53ListsSayWhetherTheyAreTruncated(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	for _, name := range []string{"a.example.", "b.example.", "c.example."} {
		if _, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String(name), CallerReference: aws.String(name)}); err != nil {
			t.Fatal(err)
		}
	}
	type page struct {
		Zones     int
		Truncated bool
		Next      bool
	}
	var got []page
	p := sdkroute53.NewListHostedZonesPaginator(c, &sdkroute53.ListHostedZonesInput{MaxItems: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page{len(out.HostedZones), out.IsTruncated, aws.ToString(out.NextMarker) != ""})
	}
	want := []page{{2, true, true}, {1, false, false}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("pages (-want +got):\n%s", d)
	}

	t.Run("the generated client's paginator follows IsTruncated to the end", func(t *testing.T) {
		gc := route53.New(route53.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
		gp := route53.NewListHostedZonesPaginator(gc, &route53.ListHostedZonesInput{MaxItems: aws.String("1")})
		var names []string
		for gp.HasMorePages() {
			out, err := gp.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, z := range out.HostedZones {
				names = append(names, aws.ToString(z.Name))
			}
		}
		if d := cmp.Diff([]string{"a.example.", "b.example.", "c.example."}, names); d != "" {
			t.Errorf("zones (-want +got):\n%s", d)
		}
	})
}

func TestRoute53AnswersHostedZoneIDsBehindTheirPrefix(t *testing.T) {
	s, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	out, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.com."), CallerReference: aws.String("ref-1")})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(out.HostedZone.Id)
	bare, ok := strings.CutPrefix(id, "/hostedzone/Z")
	if !ok || len(bare) != 19 {
		t.Fatalf("created zone id %q, want /hostedzone/Z and 19 characters", id)
	}
	bare = "Z" + bare
	list, err := c.ListHostedZones(ctx, &sdkroute53.ListHostedZonesInput{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(id, aws.ToString(list.HostedZones[0].Id)); d != "" {
		t.Errorf("listed id (-want +got):\n%s", d)
	}
	gc := route53.New(route53.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
	tests := []struct {
		name string
		get  func() (*string, error)
	}{
		{"the SDK, which strips the prefix, reads the zone by the id it was answered", func() (*string, error) {
			got, err := c.GetHostedZone(ctx, &sdkroute53.GetHostedZoneInput{Id: aws.String(id)})
			if err != nil {
				return nil, err
			}
			return got.HostedZone.Id, nil
		}},
		{"the SDK reads the zone by the bare id", func() (*string, error) {
			got, err := c.GetHostedZone(ctx, &sdkroute53.GetHostedZoneInput{Id: aws.String(bare)})
			if err != nil {
				return nil, err
			}
			return got.HostedZone.Id, nil
		}},
		{"a client sending the prefix percent-encoded in the path reads the zone", func() (*string, error) {
			got, err := gc.GetHostedZone(ctx, &route53.GetHostedZoneInput{ID: aws.String(id)})
			if err != nil {
				return nil, err
			}
			recs := s.Requests()
			// The record holds the path decoded.
			if p := recs[len(recs)-1].Path; !strings.HasSuffix(p, "/hostedzone//hostedzone/"+bare) {
				t.Errorf("the request's path %q does not hold the prefix", p)
			}
			return got.HostedZone.ID, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.get()
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(id, aws.ToString(got)); d != "" {
				t.Errorf("answered id (-want +got):\n%s", d)
			}
		})
	}
	t.Run("the SDK deletes the zone by the id it was answered", func(t *testing.T) {
		if _, err := c.DeleteHostedZone(ctx, &sdkroute53.DeleteHostedZoneInput{Id: aws.String(id)}); err != nil {
			t.Fatal(err)
		}
		_, err := gc.GetHostedZone(ctx, &route53.GetHostedZoneInput{ID: aws.String(id)})
		var nf *route53.NoSuchHostedZone
		if !errors.As(err, &nf) {
			t.Errorf("GetHostedZone after the delete: %v (%T), want *route53.NoSuchHostedZone", err, err)
		}
	})
}

// Creating and deleting a zone and changing its records each answer a
// ChangeInfo, PENDING, that GetChange reads; it is INSYNC once the mock's
// transition is over. The SDK's own ResourceRecordSetsChanged waiter runs
// against it: each retry moves the mock's clock past the transition
// (advancing, in ecs_waiters_test.go), so the waiter sees PENDING first.
func TestSDKRoute53ResourceRecordSetsChangedWaiter(t *testing.T) {
	srv, url := route53mock.NewTestServer(t, append(mockOptions(), mockrt.WithTransitionDelay(waitersTransition))...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	created, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.com."), CallerReference: aws.String("ref-1")})
	if err != nil {
		t.Fatal(err)
	}
	zone := created.HostedZone.Id
	tests := []struct {
		name   string
		change func(t *testing.T) *r53types.ChangeInfo
	}{
		{"a zone's creation", func(t *testing.T) *r53types.ChangeInfo { return created.ChangeInfo }},
		{"a change of its records", func(t *testing.T) *r53types.ChangeInfo {
			out, err := c.ChangeResourceRecordSets(ctx, &sdkroute53.ChangeResourceRecordSetsInput{HostedZoneId: zone, ChangeBatch: &r53types.ChangeBatch{
				Comment: aws.String("www"),
				Changes: []r53types.Change{{Action: r53types.ChangeActionCreate, ResourceRecordSet: &r53types.ResourceRecordSet{
					Name: aws.String("www.example.com."), Type: r53types.RRTypeA, TTL: aws.Int64(300),
					ResourceRecords: []r53types.ResourceRecord{{Value: aws.String("192.0.2.1")}},
				}}},
			}})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff("www", aws.ToString(out.ChangeInfo.Comment)); d != "" {
				t.Errorf("comment (-want +got):\n%s", d)
			}
			return out.ChangeInfo
		}},
		{"a zone's deletion", func(t *testing.T) *r53types.ChangeInfo {
			// A zone holding sets of its own cannot be deleted: the www set goes first.
			if _, err := c.ChangeResourceRecordSets(ctx, &sdkroute53.ChangeResourceRecordSetsInput{HostedZoneId: zone, ChangeBatch: &r53types.ChangeBatch{
				Changes: []r53types.Change{{Action: r53types.ChangeActionDelete, ResourceRecordSet: &r53types.ResourceRecordSet{
					Name: aws.String("www.example.com."), Type: r53types.RRTypeA, TTL: aws.Int64(300),
					ResourceRecords: []r53types.ResourceRecord{{Value: aws.String("192.0.2.1")}},
				}}},
			}}); err != nil {
				t.Fatal(err)
			}
			out, err := c.DeleteHostedZone(ctx, &sdkroute53.DeleteHostedZoneInput{Id: zone})
			if err != nil {
				t.Fatal(err)
			}
			return out.ChangeInfo
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is PENDING, then INSYNC for the waiter", func(t *testing.T) {
			info := tt.change(t)
			if !strings.HasPrefix(aws.ToString(info.Id), "/change/C") || info.Status != r53types.ChangeStatusPending {
				t.Fatalf("change %q %s, want /change/C... PENDING", aws.ToString(info.Id), info.Status)
			}
			got, err := c.GetChange(ctx, &sdkroute53.GetChangeInput{Id: info.Id})
			if err != nil {
				t.Fatal(err)
			}
			want := []any{aws.ToString(info.Id), r53types.ChangeStatusPending, aws.ToTime(info.SubmittedAt), aws.ToString(info.Comment)}
			if d := cmp.Diff(want, []any{aws.ToString(got.ChangeInfo.Id), got.ChangeInfo.Status, aws.ToTime(got.ChangeInfo.SubmittedAt), aws.ToString(got.ChangeInfo.Comment)}); d != "" {
				t.Errorf("GetChange id, status, submitted, comment (-want +got):\n%s", d)
			}
			var retries int
			w := sdkroute53.NewResourceRecordSetsChangedWaiter(c, func(o *sdkroute53.ResourceRecordSetsChangedWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
				o.Retryable = advancing(srv.Server, &retries, o.Retryable)
			})
			out, err := w.WaitForOutput(ctx, &sdkroute53.GetChangeInput{Id: info.Id}, waitersMaxWait)
			if err != nil {
				t.Fatal(err)
			}
			if out.ChangeInfo.Status != r53types.ChangeStatusInsync || retries == 0 {
				t.Errorf("the waiter ended on %s after %d retries, want INSYNC after at least one", out.ChangeInfo.Status, retries)
			}
		})
	}
	t.Run("a change to a zone that does not exist is NoSuchHostedZone", func(t *testing.T) {
		_, err := c.ChangeResourceRecordSets(ctx, &sdkroute53.ChangeResourceRecordSetsInput{HostedZoneId: aws.String("ZNONE"), ChangeBatch: &r53types.ChangeBatch{
			Changes: []r53types.Change{{Action: r53types.ChangeActionDelete, ResourceRecordSet: &r53types.ResourceRecordSet{Name: aws.String("x."), Type: r53types.RRTypeA}}},
		}})
		wantTyped[*r53types.NoSuchHostedZone](t, err, "ZNONE")
	})
	t.Run("a change that was never made is NoSuchChange", func(t *testing.T) {
		_, err := c.GetChange(ctx, &sdkroute53.GetChangeInput{Id: aws.String("/change/CNONE")})
		wantTyped[*r53types.NoSuchChange](t, err, "CNONE")
	})
}

func TestSDKRoute53ReusableDelegationSets(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	out, err := c.CreateReusableDelegationSet(ctx, &sdkroute53.CreateReusableDelegationSetInput{CallerReference: aws.String("set-1")})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(out.DelegationSet.Id)
	if !strings.HasPrefix(id, "/delegationset/N") || len(out.DelegationSet.NameServers) != 4 {
		t.Fatalf("created set %q with %d name servers, want /delegationset/N... and 4", id, len(out.DelegationSet.NameServers))
	}
	t.Run("the SDK reads the set by the id it was answered", func(t *testing.T) {
		got, err := c.GetReusableDelegationSet(ctx, &sdkroute53.GetReusableDelegationSetInput{Id: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]string{id, "set-1"}, []string{aws.ToString(got.DelegationSet.Id), aws.ToString(got.DelegationSet.CallerReference)}); d != "" {
			t.Errorf("id, caller reference (-want +got):\n%s", d)
		}
	})
	t.Run("a list holds it and is not truncated", func(t *testing.T) {
		got, err := c.ListReusableDelegationSets(ctx, &sdkroute53.ListReusableDelegationSetsInput{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range got.DelegationSets {
			ids = append(ids, aws.ToString(s.Id))
		}
		if d := cmp.Diff([]string{id}, ids); d != "" || got.IsTruncated {
			t.Errorf("sets (-want +got):\n%s\ntruncated: %v", d, got.IsTruncated)
		}
	})
	t.Run("a second set of the same caller reference is DelegationSetAlreadyCreated", func(t *testing.T) {
		_, err := c.CreateReusableDelegationSet(ctx, &sdkroute53.CreateReusableDelegationSetInput{CallerReference: aws.String("set-1")})
		wantTyped[*r53types.DelegationSetAlreadyCreated](t, err, "")
	})
	t.Run("a deleted set is NoSuchDelegationSet", func(t *testing.T) {
		if _, err := c.DeleteReusableDelegationSet(ctx, &sdkroute53.DeleteReusableDelegationSetInput{Id: aws.String(id)}); err != nil {
			t.Fatal(err)
		}
		_, err := c.GetReusableDelegationSet(ctx, &sdkroute53.GetReusableDelegationSetInput{Id: aws.String(id)})
		wantTyped[*r53types.NoSuchDelegationSet](t, err, strings.TrimPrefix(id, "/delegationset/"))
	})
	t.Run("a hosted zone gets four name servers of its own", func(t *testing.T) {
		z, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.net."), CallerReference: aws.String("zone-1")})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(z.DelegationSet.NameServers); n != 4 {
			t.Errorf("%d name servers, want 4", n)
		}
	})
}

// The record sets of a zone, kept by the mock's hand-written hooks
// (gen/route53/route53mock/hooks.go): changes in batches, all or none,
// listed in Route 53's order, page by page.
func TestSDKRoute53ResourceRecordSets(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	created, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("Example.com"), CallerReference: aws.String("ref-1")})
	if err != nil {
		t.Fatal(err)
	}
	zone := created.HostedZone.Id
	set := func(name string, typ r53types.RRType, id string, values ...string) *r53types.ResourceRecordSet {
		s := &r53types.ResourceRecordSet{Name: aws.String(name), Type: typ, TTL: aws.Int64(300)}
		if id != "" {
			s.SetIdentifier, s.Weight = aws.String(id), aws.Int64(1)
		}
		for _, v := range values {
			s.ResourceRecords = append(s.ResourceRecords, r53types.ResourceRecord{Value: aws.String(v)})
		}
		return s
	}
	change := func(changes ...r53types.Change) error {
		_, err := c.ChangeResourceRecordSets(ctx, &sdkroute53.ChangeResourceRecordSetsInput{HostedZoneId: zone, ChangeBatch: &r53types.ChangeBatch{Changes: changes}})
		return err
	}
	create := func(s *r53types.ResourceRecordSet) r53types.Change {
		return r53types.Change{Action: r53types.ChangeActionCreate, ResourceRecordSet: s}
	}
	// list reads every set, two a page, as "name type [id] values".
	list := func(t *testing.T) []string {
		t.Helper()
		var got []string
		p := sdkroute53.NewListResourceRecordSetsPaginator(c, &sdkroute53.ListResourceRecordSetsInput{HostedZoneId: zone, MaxItems: aws.Int32(2)})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range out.ResourceRecordSets {
				line := aws.ToString(s.Name) + " " + string(s.Type)
				if s.SetIdentifier != nil {
					line += " [" + aws.ToString(s.SetIdentifier) + "]"
				}
				if s.Type != r53types.RRTypeSoa && s.Type != r53types.RRTypeNs {
					for _, r := range s.ResourceRecords {
						line += " " + aws.ToString(r.Value)
					}
				}
				got = append(got, line)
			}
		}
		return got
	}

	t.Run("a new zone holds its NS and SOA sets", func(t *testing.T) {
		if d := cmp.Diff([]string{"example.com. NS", "example.com. SOA"}, list(t)); d != "" {
			t.Errorf("sets (-want +got):\n%s", d)
		}
	})
	// count reads the zone's ResourceRecordSetCount and name servers.
	count := func(t *testing.T) (int64, []string) {
		t.Helper()
		got, err := c.GetHostedZone(ctx, &sdkroute53.GetHostedZoneInput{Id: zone})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToInt64(got.HostedZone.ResourceRecordSetCount), got.DelegationSet.NameServers
	}
	t.Run("a read of the new zone counts two sets and answers its name servers", func(t *testing.T) {
		n, servers := count(t)
		if d := cmp.Diff([]any{int64(2), created.DelegationSet.NameServers}, []any{n, servers}); d != "" {
			t.Errorf("count, name servers (-want +got):\n%s", d)
		}
	})
	t.Run("created sets are listed by reversed name, type and identifier, two a page", func(t *testing.T) {
		if err := change(create(set("www.example.com", r53types.RRTypeA, "", "192.0.2.1")), create(set("api.example.com.", r53types.RRTypeA, "", "192.0.2.2")),
			create(set("example.com.", r53types.RRTypeMx, "", "10 mail.example.com.")), create(set("a.b.example.com.", r53types.RRTypeTxt, "", `"x"`)),
			create(set("api.example.com.", r53types.RRTypeAaaa, "blue", "2001:db8::1")), create(set("api.example.com.", r53types.RRTypeAaaa, "green", "2001:db8::2"))); err != nil {
			t.Fatal(err)
		}
		want := []string{"example.com. MX 10 mail.example.com.", "example.com. NS", "example.com. SOA", "api.example.com. A 192.0.2.2",
			"api.example.com. AAAA [blue] 2001:db8::1", "api.example.com. AAAA [green] 2001:db8::2", `a.b.example.com. TXT "x"`, "www.example.com. A 192.0.2.1"}
		if d := cmp.Diff(want, list(t)); d != "" {
			t.Errorf("sets (-want +got):\n%s", d)
		}
	})
	t.Run("a read and a list count the created sets", func(t *testing.T) {
		n, _ := count(t)
		zones, err := c.ListHostedZones(ctx, &sdkroute53.ListHostedZonesInput{})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]int64{8, 8}, []int64{n, aws.ToInt64(zones.HostedZones[0].ResourceRecordSetCount)}); d != "" {
			t.Errorf("read, listed count (-want +got):\n%s", d)
		}
	})
	t.Run("an upsert replaces a set's values", func(t *testing.T) {
		if err := change(r53types.Change{Action: r53types.ChangeActionUpsert, ResourceRecordSet: set("www.example.com.", r53types.RRTypeA, "", "192.0.2.9")}); err != nil {
			t.Fatal(err)
		}
		got := list(t)
		if d := cmp.Diff("www.example.com. A 192.0.2.9", got[len(got)-1]); d != "" {
			t.Errorf("www (-want +got):\n%s", d)
		}
	})
	tests := []struct {
		name    string
		changes []r53types.Change
		message string
	}{
		{"creating a set that exists is InvalidChangeBatch", []r53types.Change{create(set("www.example.com.", r53types.RRTypeA, "", "192.0.2.1"))}, "but it already exists"},
		{"deleting a set that does not exist is InvalidChangeBatch", []r53types.Change{{Action: r53types.ChangeActionDelete, ResourceRecordSet: set("ftp.example.com.", r53types.RRTypeA, "", "192.0.2.1")}}, "but it was not found"},
		{"deleting a set with other values is InvalidChangeBatch", []r53types.Change{{Action: r53types.ChangeActionDelete, ResourceRecordSet: set("www.example.com.", r53types.RRTypeA, "", "192.0.2.1")}}, "do not match the current values"},
		{"a name outside the zone is InvalidChangeBatch", []r53types.Change{create(set("www.example.org.", r53types.RRTypeA, "", "192.0.2.1"))}, "is not permitted in zone example.com."},
		{"a batch with one bad change applies none of it", []r53types.Change{create(set("new.example.com.", r53types.RRTypeA, "", "192.0.2.3")), create(set("www.example.com.", r53types.RRTypeA, "", "192.0.2.1"))}, "but it already exists"},
	}
	before := list(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantTyped[*r53types.InvalidChangeBatch](t, change(tt.changes...), tt.message)
			if d := cmp.Diff(before, list(t)); d != "" {
				t.Errorf("sets after the refused batch (-want +got):\n%s", d)
			}
		})
	}
	t.Run("a zone holding sets of its own is HostedZoneNotEmpty until they are deleted", func(t *testing.T) {
		_, err := c.DeleteHostedZone(ctx, &sdkroute53.DeleteHostedZoneInput{Id: zone})
		wantTyped[*r53types.HostedZoneNotEmpty](t, err, "")
		out, err := c.ListResourceRecordSets(ctx, &sdkroute53.ListResourceRecordSetsInput{HostedZoneId: zone})
		if err != nil {
			t.Fatal(err)
		}
		var deletes []r53types.Change
		for _, s := range out.ResourceRecordSets {
			if aws.ToString(s.Name) != "example.com." || s.Type != r53types.RRTypeSoa && s.Type != r53types.RRTypeNs {
				deletes = append(deletes, r53types.Change{Action: r53types.ChangeActionDelete, ResourceRecordSet: &s})
			}
		}
		if err := change(deletes...); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteHostedZone(ctx, &sdkroute53.DeleteHostedZoneInput{Id: zone}); err != nil {
			t.Fatal(err)
		}
		_, err = c.ListResourceRecordSets(ctx, &sdkroute53.ListResourceRecordSetsInput{HostedZoneId: zone})
		wantTyped[*r53types.NoSuchHostedZone](t, err, "")
	})
}

func TestSDKRoute53ZoneHoldsAtMostItsQuotaOfRecordSets(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	created, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.com."), CallerReference: aws.String("ref-1")})
	if err != nil {
		t.Fatal(err)
	}
	batch := func(from, n int) error {
		changes := make([]r53types.Change, n)
		for i := range changes {
			changes[i] = r53types.Change{Action: r53types.ChangeActionCreate, ResourceRecordSet: &r53types.ResourceRecordSet{
				Name: aws.String(fmt.Sprintf("h%d.example.com.", from+i)), Type: r53types.RRTypeA, TTL: aws.Int64(60),
				ResourceRecords: []r53types.ResourceRecord{{Value: aws.String("192.0.2.1")}},
			}}
		}
		_, err := c.ChangeResourceRecordSets(ctx, &sdkroute53.ChangeResourceRecordSetsInput{HostedZoneId: created.HostedZone.Id, ChangeBatch: &r53types.ChangeBatch{Changes: changes}})
		return err
	}
	// The zone's NS and SOA and 9,998 more: Route 53's default quota of
	// 10,000 sets in a zone.
	for i := 0; i < 9998; i += 1000 {
		if err := batch(i, min(1000, 9998-i)); err != nil {
			t.Fatal(err)
		}
	}
	wantTyped[*r53types.InvalidChangeBatch](t, batch(9998, 1), "exceed the limit of 10000")
}
